package dev.tessera.server.feature;

import java.util.List;

/** One page of features and the cursor of the next page (null on the last). */
public record FeaturePage(List<Feature> features, String nextCursor) {}
