package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.server.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.geom.util.GeometryFixer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams features from CSV (Apache Commons CSV): one feature per row, geometry from a WKT column or from
 * longitude/latitude columns, the other columns as properties (numbers where the text is a plain number, else
 * strings; empty cells left out). Row numbers in errors count the header as row 1, as a spreadsheet shows them.
 * Used by one thread.
 */
final class CsvFeatures extends RowFeatures {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,15})(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final CsvOptions options;
  private final boolean repair;
  private final List<String> header;
  private final int lonColumn;
  private final int latColumn;
  private final int wktColumn;
  private final WKTReader wktReader = new WKTReader(GEOMETRY);
  private CSVRecord record;

  private CsvFeatures(InputStream body, CsvOptions options, boolean repair) {
    super(options.skipInvalid());
    this.options = options;
    this.repair = repair;
    Reader reader = new InputStreamReader(body, options.charset());
    try {
      this.parser =
          CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setHeader().setSkipHeaderRecord(true)
              .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get().parse(reader);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_csv", "The CSV header could not be read: " + e.getMessage())
          .with("row", 1);
    }
    this.header = parser.getHeaderNames();
    this.records = parser.iterator();
    this.wktColumn = column(options.wkt(), CsvOptions.WKT_NAMES, "wkt", options.lon() == null && options.lat() == null);
    boolean needLonLat = wktColumn < 0;
    this.lonColumn = column(options.lon(), CsvOptions.LON_NAMES, "lon", needLonLat);
    this.latColumn = column(options.lat(), CsvOptions.LAT_NAMES, "lat", needLonLat);
    if (wktColumn < 0 && (lonColumn < 0 || latColumn < 0)) {
      throw ApiException.badRequest(
              "missing_geometry_columns",
              "The CSV header " + header + " has no WKT column and no longitude/latitude columns; name them with"
                  + " ?wkt= or ?lon=&lat=.")
          .with("row", 1);
    }
  }

  static CsvFeatures open(InputStream body, CsvOptions options, boolean repair) {
    return new CsvFeatures(body, options, repair);
  }

  /** The column's index: the named one (which must exist), else the first usual name present, else -1. */
  private int column(String named, List<String> usual, String parameter, boolean lookForUsual) {
    if (named != null) {
      int i = header.indexOf(named);
      if (i < 0) {
        throw ApiException.badRequest(
                "invalid_parameter", "The CSV has no column '" + named + "' (columns: " + header + ").")
            .with("parameter", parameter);
      }
      return i;
    }
    if (!lookForUsual) {
      return -1;
    }
    for (int i = 0; i < header.size(); i++) {
      if (usual.contains(header.get(i).toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected boolean advance() {
    try {
      if (!records.hasNext()) {
        return false;
      }
      record = records.next();
      return true;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw ApiException.badRequest("invalid_csv", "The CSV could not be read: " + e.getMessage())
          .with("row", parser.getRecordNumber() + 1);
    }
  }

  @Override
  protected long row() {
    return record.getRecordNumber() + 1;
  }

  @Override
  protected GeoJsonFeature feature() {
    return feature(record, row());
  }

  private GeoJsonFeature feature(CSVRecord record, long row) {
    if (record.size() != header.size()) {
      throw invalidRow(row, null, "has " + record.size() + " fields where the header has " + header.size());
    }
    Geometry geometry = wktColumn >= 0 ? wkt(record.get(wktColumn), row) : point(record, row);
    StringWriter text = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      for (int i = 0; i < header.size(); i++) {
        String value = record.get(i);
        if (i == wktColumn || i == lonColumn || i == latColumn || value.isEmpty() || header.get(i).isEmpty()) {
          continue;
        }
        g.writeName(header.get(i));
        if (NUMBER.matcher(value).matches()) {
          g.writeNumber(value);
        } else {
          g.writeString(value);
        }
      }
      g.writeEndObject();
    }
    return new GeoJsonFeature(geometry, text.toString());
  }

  private Geometry point(CSVRecord record, long row) {
    double lon = number(record.get(lonColumn), row, header.get(lonColumn));
    double lat = number(record.get(latColumn), row, header.get(latColumn));
    if (lon < -180 || lon > 180) {
      throw invalidRow(row, header.get(lonColumn), "has longitude " + lon + " outside -180..180");
    }
    if (lat < -90 || lat > 90) {
      throw invalidRow(row, header.get(latColumn), "has latitude " + lat + " outside -90..90");
    }
    return GEOMETRY.createPoint(new Coordinate(lon, lat));
  }

  private Geometry wkt(String text, long row) {
    Geometry g;
    try {
      g = wktReader.read(text);
    } catch (ParseException | IllegalArgumentException e) {
      throw invalidRow(row, header.get(wktColumn), "has WKT that cannot be read: " + e.getMessage());
    }
    if (g.isEmpty()) {
      throw invalidRow(row, header.get(wktColumn), "has an empty geometry");
    }
    org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
    if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
      throw invalidRow(row, header.get(wktColumn), "has coordinates outside longitude -180..180, latitude -90..90");
    }
    if (!g.isValid()) {
      if (!repair) {
        throw invalidRow(row, header.get(wktColumn), "has an invalid geometry; import with ?repair=true to fix it");
      }
      g = GeometryFixer.fix(g);
      repaired++;
    }
    g.setSRID(4326);
    return g;
  }

  private static double number(String text, long row, String column) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalidRow(row, column, "has '" + text + "' where a number belongs");
  }

  private static ApiException invalidRow(long row, String column, String why) {
    ApiException e =
        ApiException.badRequest("invalid_row", "CSV row " + row + (column == null ? "" : ", column '" + column + "',")
                + " " + why + "; nothing was imported (add ?skip_invalid=true to leave bad rows out).")
            .with("row", row);
    return column == null ? e : e.with("column", column);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // the request body is closed by the container
    }
  }
}
