// Shapes typed as coordinates, for drawing without a pointer: one vertex per line (or separated by ";"), each
// "longitude, latitude" or "longitude latitude" in degrees (WGS 84, the order GeoJSON uses).

export type ShapeKind = 'point' | 'linestring' | 'polygon';

/** Reads the vertices; throws an Error naming the first line that is not a valid longitude/latitude pair. */
export function parseVertices(text: string): [number, number][] {
  const parts = text.split(/[\n;]/).map((p) => p.trim()).filter(Boolean);
  return parts.map((part, i) => {
    const numbers = part.split(/[\s,]+/).filter(Boolean);
    const [lng, lat] = numbers.map(Number);
    if (numbers.length !== 2 || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      throw new Error(`Vertex ${i + 1} (“${part}”) is not “longitude, latitude”.`);
    }
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      throw new Error(`Vertex ${i + 1} (“${part}”) is outside longitude −180…180 / latitude −90…90.`);
    }
    return [lng, lat];
  });
}

/** The GeoJSON geometry of a shape from its vertices; a polygon's ring is closed here when it was not typed closed. */
export function shapeGeometry(kind: ShapeKind, vertices: [number, number][]): GeoJSON.Geometry {
  const distinct = new Set(vertices.map((v) => v.join(','))).size;
  switch (kind) {
    case 'point':
      if (vertices.length !== 1) throw new Error(`A point takes exactly one vertex (got ${vertices.length}).`);
      return { type: 'Point', coordinates: vertices[0] };
    case 'linestring':
      if (distinct < 2) throw new Error('A line takes at least two different vertices.');
      return { type: 'LineString', coordinates: vertices };
    case 'polygon': {
      const [first, last] = [vertices[0], vertices[vertices.length - 1]];
      const ring = first && last && first[0] === last[0] && first[1] === last[1] ? vertices : [...vertices, first];
      if (distinct < 3) throw new Error('A polygon takes at least three different corners.');
      return { type: 'Polygon', coordinates: [ring] };
    }
  }
}

/** One vertex as the form writes it (5 decimals: about a metre). */
export function formatVertex(lng: number, lat: number): string {
  return `${lng.toFixed(5)}, ${lat.toFixed(5)}`;
}
