package dev.tessera.server.feature;

import org.locationtech.jts.geom.Envelope;

/** How many features a layer holds and the envelope around them (null when empty). */
public record FeatureStats(long count, Envelope bounds) {}
