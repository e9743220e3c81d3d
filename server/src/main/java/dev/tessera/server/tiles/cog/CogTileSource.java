package dev.tessera.server.tiles.cog;

import dev.tessera.engine.raster.ImageEncoder;
import dev.tessera.engine.raster.RasterException;
import dev.tessera.engine.raster.RasterQueries;
import dev.tessera.engine.raster.RasterRenderer;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.WebpWriter;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileVariant;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * The tiles of one geotiff layer, rendered per request from its COG: PNG, JPEG or lossless WebP (400 where libwebp
 * does not load), 256 px or 512 px ({@code @2x} or {@code tilesize=512}), with the layer's tile parameters
 * overridden by the query's. Tiles outside the data are 204, or transparent images with {@code empty=true} (for
 * clients that treat 204 as an error). Thread-safe.
 */
final class CogTileSource implements TileSource {
  private static final Set<String> TILE_PARAMETERS = Set.of("time", "tilesize", "empty");

  private final Layer layer;
  private final CogSources sources;

  CogTileSource(Layer layer, CogSources sources) {
    this.layer = layer;
    this.sources = sources;
  }

  @Override
  public TileFormat format() {
    return TileFormat.PNG;
  }

  @Override
  public Tile tile(TileCoord coord) {
    return variant("png", 1, Map.of()).renderer().apply(coord);
  }

  @Override
  public TileSetInfo info() {
    CogSources.Opened opened = sources.open(layer, null);
    double[] b = RasterQueries.tileBounds(opened.cog());
    int[] zooms = RasterQueries.zoomRange(opened.cog());
    return new TileSetInfo(new Envelope(b[0], b[2], b[1], b[3]), zooms[0], zooms[1], null);
  }

  @Override
  public TileVariant variant(String extension, int scale, Map<String, String> query) {
    TileFormat format = format(extension);
    CogParams params = CogParams.of(CogSources.tileParams(layer), query, TILE_PARAMETERS);
    int size = 256 * scale;
    String tilesize = query.get("tilesize");
    if (tilesize != null) {
      if (!tilesize.equals("256") && !tilesize.equals("512")) {
        throw CogException.invalidParameter("tilesize", "tilesize must be 256 or 512, was '" + tilesize + "'.");
      }
      size = Integer.parseInt(tilesize) * scale;
    }
    RenderOptions options = params.options(format.encoding(), size);
    // the key names the file's version, not the open file: a cached tile costs no open-cache lookup or file check
    CogSources.Resolved resolved = sources.resolve(layer, query.get("time"));
    boolean transparentWhenEmpty = CogParams.bool("empty", query.getOrDefault("empty", "false"));
    String key = format.extension() + "/" + size + "/" + resolved.version() + "/" + params.key()
        + (transparentWhenEmpty ? "/empty" : "");
    return new TileVariant(format, key, coord -> render(sources.open(resolved), coord, options, transparentWhenEmpty));
  }

  /** The rendered tile; outside the data nothing (204), or with {@code empty=true} a transparent image. */
  private static Tile render(CogSources.Opened opened, TileCoord coord, RenderOptions options, boolean empty) {
    try {
      byte[] image = RasterRenderer.tile(opened.cog(), coord, options);
      if (image == null && empty) {
        image = ImageEncoder.encode(new int[options.size() * options.size()], options.size(), options.size(),
            options.format());
      }
      return image == null ? null : Tile.raw(image);
    } catch (RasterException e) {
      throw opened.problem(e);
    }
  }

  private static TileFormat format(String extension) {
    if (TileFormat.WEBP.answersTo(extension) && !WebpWriter.available()) {
      throw ApiException.badRequest("unsupported_tile_format",
              "WebP tiles are not available on this server: libwebp did not load on its platform; ask for .png or"
                  + " .jpg.")
          .with("parameter", "format");
    }
    TileFormat format = TileFormat.image(extension);
    if (format != null) {
      return format;
    }
    throw ApiException.badRequest("unsupported_tile_format",
            "Raster layers serve .png, .jpg and .webp tiles, not ." + extension + ".")
        .with("parameter", "format");
  }
}
