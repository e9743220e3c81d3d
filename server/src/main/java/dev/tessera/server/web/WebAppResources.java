package dev.tessera.server.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * The built application's files. Vite names every file under {@code /assets/} by its content hash, so browsers may
 * keep them for a year; {@code index.html} (served by Boot's welcome page and the routes above) revalidates every
 * time, so a new build is picked up at the next load. The build writes brotli and gzip copies beside each script;
 * they are sent as they are to browsers that accept them, rather than compressed again for every request.
 */
@Configuration(proxyBeanMethods = false)
class WebAppResources implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
        .resourceChain(true)
        .addResolver(new EncodedResourceResolver());
  }
}
