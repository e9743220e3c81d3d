package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalIdsTest {
  /** Both layouts number ids in order of first sight, whatever the hint says, and survive growing. */
  @ParameterizedTest(name = "universe {0}, expected {1}")
  @CsvSource({"100000, 100000", "100000, 10", "100000, 0", "40, 40", "3000, 1"})
  void numbersIdsInOrderOfFirstSight(int universe, long expected) {
    LocalIds ids = new LocalIds(universe, expected);
    Map<Integer, Integer> model = new LinkedHashMap<>();
    Random random = new Random(universe ^ expected);
    for (int i = 0; i < 20_000; i++) {
      int id = random.nextInt(i % 3 == 0 ? universe : Math.min(universe, 50));
      int expectedLocal = model.computeIfAbsent(id, k -> model.size());
      assertThat(ids.of(id)).isEqualTo(expectedLocal);
    }
    assertThat(ids.size()).isEqualTo(model.size());
    int n = 0;
    for (int id : model.keySet()) {
      assertThat(ids.global(n++)).isEqualTo(id);
    }
  }
}
