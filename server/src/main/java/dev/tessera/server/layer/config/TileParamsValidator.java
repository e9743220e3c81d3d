package dev.tessera.server.layer.config;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Checks a geotiff layer's {@code tileParams} (the TiTiler parameters) for shape and type. */
final class TileParamsValidator {
  private static final Set<String> KEYS =
      Set.of("rescale", "colormap_name", "colormap", "bidx", "expression", "return_mask", "nodata", "resampling");

  private TileParamsValidator() {}

  static void validate(ConfigFields p) {
    if (p == null) {
      return;
    }
    p.allowOnly(KEYS);
    JsonNode rescale = p.raw("rescale");
    if (rescale != null && !rescale.isNull()) {
      if (rescale.isString()) {
        for (String range : rescale.asString().split(";")) {
          rangeText(p, range);
        }
      } else if (rescale.isArray()) {
        for (JsonNode range : rescale) {
          if (range.isString()) {
            rangeText(p, range.asString());
          } else if (!(range.isArray() && range.size() == 2 && range.get(0).isNumber() && range.get(1).isNumber())) {
            throw p.fail("rescale", "must hold 'min,max' strings or [min, max] pairs");
          }
        }
      } else {
        throw p.fail("rescale", "must be 'min,max' or a list of ranges, one per band");
      }
    }
    String name = p.string("colormap_name", false);
    if (name != null && !name.matches("[A-Za-z0-9_]+")) {
      throw p.fail("colormap_name", "must be a colormap name such as viridis or blues_r");
    }
    JsonNode colormap = p.raw("colormap");
    if (colormap != null && !colormap.isNull() && !colormap.isObject() && !colormap.isArray()) {
      throw p.fail("colormap", "must be an object of value → colour or a list of [[min, max], colour] intervals");
    }
    JsonNode bidx = p.raw("bidx");
    if (bidx != null && !bidx.isNull()) {
      boolean ok =
          (bidx.isInt() && bidx.asInt() >= 1)
              || (bidx.isString() && bidx.asString().matches("\\d+(\\s*,\\s*\\d+)*"))
              || (bidx.isArray() && bidx.size() > 0 && allPositiveInts(bidx));
      if (!ok) {
        throw p.fail("bidx", "must be a band number, '1,2,3' or [1, 2, 3] (bands count from 1)");
      }
    }
    String expression = p.string("expression", false);
    if (expression != null && expression.isBlank()) {
      throw p.fail("expression", "must not be empty");
    }
    p.bool("return_mask");
    JsonNode nodata = p.raw("nodata");
    if (nodata != null && !nodata.isNull() && !nodata.isNumber()
        && !(nodata.isString() && nodata.asString().matches("(?i)nan|[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"))) {
      throw p.fail("nodata", "must be a number or 'nan'");
    }
    p.oneOf("resampling", SourceConfigValidator.resampling(), false);
  }

  private static boolean allPositiveInts(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isInt() || n.asInt() < 1) {
        return false;
      }
    }
    return true;
  }

  private static void rangeText(ConfigFields p, String range) {
    String[] parts = range.split(",");
    if (parts.length != 2) {
      throw p.fail("rescale", "must be 'min,max' per band, was '" + range + "'");
    }
    try {
      double min = Double.parseDouble(parts[0].trim());
      double max = Double.parseDouble(parts[1].trim());
      if (!(min < max)) {
        throw p.fail("rescale", "must have min below max, was '" + range + "'");
      }
    } catch (NumberFormatException e) {
      throw p.fail("rescale", "must hold numbers, was '" + range + "'");
    }
  }
}
