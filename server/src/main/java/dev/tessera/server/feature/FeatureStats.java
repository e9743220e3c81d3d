package dev.tessera.server.feature;

import org.locationtech.jts.geom.Envelope;

/**
 * How many features a layer holds, the envelope around them (null when empty), and whether every one of them is a
 * point or multipoint (such a layer is clustered at low zooms even when it declares no geometry type).
 */
public record FeatureStats(long count, Envelope bounds, boolean pointsOnly) {}
