package dev.tessera.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The browser application's own routes (history API, not hash URLs) all answer with its {@code index.html}, so a
 * shared link or a reload of {@code /maps/{id}} opens that screen. Only these paths: every other unknown path stays a
 * 404 instead of an HTML page.
 */
@Controller
class WebAppController {

  @GetMapping({"/login", "/maps", "/maps/{id}", "/places"})
  String app() {
    return "forward:/index.html";
  }
}
