package dev.tessera.server.feature;

import dev.tessera.server.layer.Layer;

/**
 * What {@link FeatureService#streamPage} streamed: the layer as read in the page's transaction, the number of
 * features written, and the cursor of the next page (null on the last).
 */
public record StreamedPage(Layer layer, int returned, String nextCursor) {}
