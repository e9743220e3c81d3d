package dev.tessera.server.cli;

import dev.tessera.server.TesseraApplication;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's commands besides serving: they open the configured store (embedded or DATABASE_URL) without a web
 * server and act as the administrator.
 */
@Command(
    name = "tessera",
    mixinStandardHelpOptions = true,
    description = "Tessera geospatial map platform.",
    subcommands = {ImportCommand.class, ExportCommand.class, ExportPmtilesCommand.class})
public final class Cli {
  private static final Set<String> COMMANDS = Set.of("import", "export", "export-pmtiles", "help", "--help", "-h", "--version", "-V");

  public static boolean isCommand(String arg) {
    return COMMANDS.contains(arg);
  }

  public static int run(String[] args) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TesseraApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "tessera.demo.enabled=false")
            .run()) {
      CommandLine cli = new CommandLine(new Cli(), new SpringFactory(context));
      return cli.execute(args);
    }
  }

  /** Lets picocli build commands with Spring beans injected by constructor. */
  private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return context.getAutowireCapableBeanFactory().createBean(type);
      } catch (Exception e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
