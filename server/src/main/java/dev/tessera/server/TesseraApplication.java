package dev.tessera.server;

import dev.tessera.server.cli.Cli;
import dev.tessera.server.config.EnvironmentCheck;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tessera: {@code java -jar tessera.jar} serves; {@code java -jar tessera.jar import|export ...} runs a command
 * against the same store (see {@link Cli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TesseraApplication {

  public static void main(String[] args) {
    List<String> problems = EnvironmentCheck.problems(System.getenv());
    if (!problems.isEmpty()) {
      System.err.println("Tessera cannot start; fix the configuration:");
      problems.forEach(p -> System.err.println("  - " + p));
      System.exit(2);
    }
    if (args.length > 0 && Cli.isCommand(args[0])) {
      System.exit(Cli.run(args));
    }
    String[] serverArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    SpringApplication.run(TesseraApplication.class, serverArgs);
  }
}
