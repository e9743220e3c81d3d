import { describe, expect, it } from 'vitest';
import { formatVertex, parseVertices, shapeGeometry } from './coordinates';

describe('parseVertices', () => {
  it('reads one "lon, lat" or "lon lat" per line or per semicolon', () => {
    expect(parseVertices('2.5, 54.5\n 3.5 54.5 ;-1e-1,55\n\n')).toEqual([[2.5, 54.5], [3.5, 54.5], [-0.1, 55]]);
  });

  it('names the vertex that is not a pair of numbers or lies off the globe', () => {
    expect(() => parseVertices('2.5, 54.5\n3.5')).toThrow(/Vertex 2 \(“3.5”\)/);
    expect(() => parseVertices('east, north')).toThrow(/Vertex 1/);
    expect(() => parseVertices('1, 2, 3')).toThrow(/Vertex 1/);
    expect(() => parseVertices('54.5, 200')).toThrow(/outside/);
  });
});

describe('shapeGeometry', () => {
  it('makes a point of one vertex only', () => {
    expect(shapeGeometry('point', [[4, 52]])).toEqual({ type: 'Point', coordinates: [4, 52] });
    expect(() => shapeGeometry('point', [[4, 52], [5, 53]])).toThrow(/exactly one/);
  });

  it('needs two different vertices for a line', () => {
    expect(shapeGeometry('linestring', [[4, 52], [5, 53]])).toEqual({ type: 'LineString', coordinates: [[4, 52], [5, 53]] });
    expect(() => shapeGeometry('linestring', [[4, 52], [4, 52]])).toThrow(/two different/);
  });

  it('closes a polygon ring that was typed open, and keeps one typed closed', () => {
    const open: [number, number][] = [[2, 54], [3, 54], [3, 55]];
    expect(shapeGeometry('polygon', open)).toEqual({ type: 'Polygon', coordinates: [[[2, 54], [3, 54], [3, 55], [2, 54]]] });
    expect(shapeGeometry('polygon', [...open, [2, 54]])).toEqual(shapeGeometry('polygon', open));
    expect(() => shapeGeometry('polygon', [[2, 54], [3, 54], [2, 54]])).toThrow(/three different/);
  });

  it('formats a vertex as the parser reads it', () => {
    expect(parseVertices(formatVertex(4.123456789, -52.1))).toEqual([[4.12346, -52.1]]);
  });
});
