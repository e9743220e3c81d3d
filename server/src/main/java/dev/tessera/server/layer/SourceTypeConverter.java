package dev.tessera.server.layer;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?source_type=vector} the way the JSON API spells it. */
@Component
class SourceTypeConverter implements Converter<String, SourceType> {
  @Override
  public SourceType convert(String source) {
    return SourceType.of(source);
  }
}
