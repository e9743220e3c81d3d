// CSV with latitude/longitude columns to a GeoJSON FeatureCollection of points, for the "upload CSV" dialog.
// RFC 4180 quoting; the delimiter is guessed from the header (comma, semicolon or tab).

export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((v) => v !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell);
  if (row.some((v) => v !== '')) rows.push(row);
  return rows;
}

const LAT = ['lat', 'latitude', 'y'];
const LNG = ['lng', 'lon', 'long', 'longitude', 'x'];

export function csvToGeoJson(text: string): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('The CSV file is empty.');
  const names = header.map((h) => h.trim());
  const lower = names.map((n) => n.toLowerCase());
  const latColumn = lower.findIndex((n) => LAT.includes(n));
  const lngColumn = lower.findIndex((n) => LNG.includes(n));
  if (latColumn < 0 || lngColumn < 0) {
    throw new Error('The CSV needs a latitude column (lat, latitude or y) and a longitude column (lon, lng, longitude or x).');
  }
  const features = rows.map((row, i) => {
    const lat = Number(row[latColumn]);
    const lng = Number(row[lngColumn]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new Error(`Row ${i + 2} has no valid coordinates (${row[latColumn]}, ${row[lngColumn]}).`);
    }
    const properties: Record<string, string | number> = {};
    names.forEach((name, c) => {
      if (c === latColumn || c === lngColumn || row[c] === undefined) return;
      const v = row[c];
      properties[name] = v !== '' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lng, lat] }, properties };
  });
  return { type: 'FeatureCollection', features };
}
