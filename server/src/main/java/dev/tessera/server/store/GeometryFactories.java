package dev.tessera.server.store;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory for stored geometries: floating precision, EPSG:4326. */
public final class GeometryFactories {
  public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private GeometryFactories() {}
}
