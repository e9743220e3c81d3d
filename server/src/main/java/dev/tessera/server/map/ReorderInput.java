package dev.tessera.server.map;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The map's layer ids in their new order, bottom to top; must name each layer on the map exactly once. */
public record ReorderInput(@NotNull List<UUID> layerIds) {}
