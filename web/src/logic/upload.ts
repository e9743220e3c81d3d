// What the "new vector layer from a file" dialog checks before it creates anything: the file must be a GeoJSON
// FeatureCollection (the server checks the geometries), and a file of points only makes a point layer, which the
// server clusters at low zooms instead of sending every point in every tile.

export interface UploadPlan {
  /** The body for POST /api/layers/{id}/import. */
  body: string;
  /** The geometry type the layer should declare when the user chose none: 'Point' for a file of points only. */
  geometryType: 'Point' | null;
}

/** Reads a GeoJSON upload; throws an Error in words when it is not a FeatureCollection. */
export function planUpload(text: string): UploadPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not valid JSON: ${(e as Error).message}`);
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (typeof parsed !== 'object' || parsed === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('The file is not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": […]}).');
  }
  return { body: text, geometryType: pointsOnly(collection.features) ? 'Point' : null };
}

function pointsOnly(features: unknown[]): boolean {
  return features.length > 0 && features.every((f) => {
    const type = (f as { geometry?: { type?: unknown } } | null)?.geometry?.type;
    return type === 'Point' || type === 'MultiPoint';
  });
}
