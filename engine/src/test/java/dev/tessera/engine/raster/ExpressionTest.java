package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Band math: precedence, functions, comparisons, and errors that say where. */
class ExpressionTest {
  static final double[] BANDS = {2, 8, -3};

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "b1 + b2 * 2 | 18",
    "(b1 + b2) * 2 | 20",
    "b2 / b1 - 1 | 3",
    "b1 ^ 3 | 8",
    "b1 ** 2 ** 2 | 16",
    "-b1 ^ 2 | -4",
    "2 ^ -1 | 0.5",
    "(b2 - b1) / (b2 + b1) | 0.6",
    "abs(b3) + sqrt(b2 * b1) | 7",
    "log(exp(b1)) + log10(100) | 4",
    "min(b1, b3) + max(b1, b2) | 5",
    "where(b3 < 0, 1, 2) | 1",
    "where(b1 >= 2, b2, 0) + (b1 == 2) + (b1 != 2) | 9",
    "1.5e1 + .5 | 15.5",
  })
  void evaluatesWithTheUsualPrecedence(String text, double expected) {
    assertThat(Expression.parse(text).evaluate(0, BANDS)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "b1 + | ends too early",
    "b1 +* 2 | unexpected '*'",
    "foo(b1) | unknown function 'foo'",
    "b1 b2 | unexpected 'b'",
    "where(b1, 2) | where takes 3 arguments",
    "(b1 + 2 | expected ')'",
    "pi * 2 | unknown name 'pi'",
  })
  void syntaxErrorsNameTheProblem(String text, String message) {
    assertThatThrownBy(() -> Expression.parse(text))
        .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.parameter()).isEqualTo("expression"))
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"b1;b2;b3 | 3 | 3", "b1*2;b3 | 2 | 3", "b12 | 1 | 12"})
  void semicolonsMakeSeveralOutputsAndTheHighestBandIsKnown(String text, int outputs, int maxBand) {
    Expression e = Expression.parse(text);
    assertThat(e.outputs()).isEqualTo(outputs);
    assertThat(e.maxBand()).isEqualTo(maxBand);
  }
}
