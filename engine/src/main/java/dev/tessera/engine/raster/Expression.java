package dev.tessera.engine.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Band math over b1…bN, as TiTiler's {@code expression}: numbers, {@code + - * / ^} (also {@code **}), parentheses,
 * comparisons ({@code < <= > >= == !=}, 1 for true, 0 for false), {@code abs sqrt log log10 exp min max} and
 * {@code where(condition, then, else)}; several outputs separated by {@code ;} become several bands. Parsed once
 * (recursive descent) into a tree evaluated per pixel. Immutable and thread-safe.
 */
public final class Expression {
  private static final int MAX_LENGTH = 2048;
  private static final int MAX_DEPTH = 64;

  private final String text;
  private final List<Node> outputs;
  private final int maxBand;

  private Expression(String text, List<Node> outputs, int maxBand) {
    this.text = text;
    this.outputs = outputs;
    this.maxBand = maxBand;
  }

  /**
   * Parses {@code text}.
   *
   * @throws RasterException (BAD_REQUEST, parameter {@code expression}) naming the position of a syntax error
   */
  public static Expression parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw RasterException.badParameter("expression", "expression must hold 1 to " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(text);
    List<Node> outputs = new ArrayList<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      p.reset(part);
      Node node = p.comparison(0);
      p.skipSpaces();
      if (p.pos < part.length()) {
        throw p.error("unexpected '" + part.charAt(p.pos) + "'");
      }
      outputs.add(node);
    }
    if (outputs.isEmpty()) {
      throw RasterException.badParameter("expression", "expression holds no band formula");
    }
    return new Expression(text, List.copyOf(outputs), p.maxBand);
  }

  /** Highest band number the expression reads (1-based). */
  public int maxBand() {
    return maxBand;
  }

  /** Number of output bands. */
  public int outputs() {
    return outputs.size();
  }

  /** Output {@code index} for one pixel whose band values (b1 at index 0) are {@code bands}. */
  public double evaluate(int index, double[] bands) {
    return outputs.get(index).eval(bands);
  }

  @Override
  public String toString() {
    return text;
  }

  private interface Node {
    double eval(double[] b);
  }

  private static final class Parser {
    private final String whole;
    private String s;
    private int pos;
    private int maxBand;

    Parser(String whole) {
      this.whole = whole;
    }

    void reset(String part) {
      s = part;
      pos = 0;
    }

    Node comparison(int depth) {
      Node left = additive(depth);
      skipSpaces();
      for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          Node l = left;
          Node r = additive(depth);
          return switch (op) {
            case "<=" -> b -> l.eval(b) <= r.eval(b) ? 1 : 0;
            case ">=" -> b -> l.eval(b) >= r.eval(b) ? 1 : 0;
            case "==" -> b -> l.eval(b) == r.eval(b) ? 1 : 0;
            case "!=" -> b -> l.eval(b) != r.eval(b) ? 1 : 0;
            case "<" -> b -> l.eval(b) < r.eval(b) ? 1 : 0;
            default -> b -> l.eval(b) > r.eval(b) ? 1 : 0;
          };
        }
      }
      return left;
    }

    Node additive(int depth) {
      Node left = term(depth);
      while (true) {
        skipSpaces();
        if (peek('+')) {
          pos++;
          Node l = left;
          Node r = term(depth);
          left = b -> l.eval(b) + r.eval(b);
        } else if (peek('-')) {
          pos++;
          Node l = left;
          Node r = term(depth);
          left = b -> l.eval(b) - r.eval(b);
        } else {
          return left;
        }
      }
    }

    Node term(int depth) {
      Node left = unary(depth);
      while (true) {
        skipSpaces();
        if (peek('*') && !s.startsWith("**", pos)) {
          pos++;
          Node l = left;
          Node r = unary(depth);
          left = b -> l.eval(b) * r.eval(b);
        } else if (peek('/')) {
          pos++;
          Node l = left;
          Node r = unary(depth);
          left = b -> l.eval(b) / r.eval(b);
        } else {
          return left;
        }
      }
    }

    Node unary(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting is deeper than " + MAX_DEPTH);
      }
      skipSpaces();
      if (peek('-')) {
        pos++;
        Node inner = unary(depth + 1);
        return b -> -inner.eval(b);
      }
      if (peek('+')) {
        pos++;
        return unary(depth + 1);
      }
      return power(depth);
    }

    Node power(int depth) {
      Node base = primary(depth);
      skipSpaces();
      if (peek('^') || s.startsWith("**", pos)) {
        pos += peek('^') ? 1 : 2;
        Node exponent = unary(depth + 1);
        return b -> Math.pow(base.eval(b), exponent.eval(b));
      }
      return base;
    }

    Node primary(int depth) {
      skipSpaces();
      if (pos >= s.length()) {
        throw error("the expression ends too early");
      }
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        Node inner = comparison(depth + 1);
        expect(')');
        return inner;
      }
      if (Character.isDigit(c) || c == '.') {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
          pos++;
          if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
          }
          while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
          }
        }
        try {
          double value = Double.parseDouble(s.substring(start, pos));
          return b -> value;
        } catch (NumberFormatException e) {
          throw error("'" + s.substring(start, pos) + "' is not a number");
        }
      }
      if (Character.isLetter(c)) {
        int start = pos;
        while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
          pos++;
        }
        String word = s.substring(start, pos).toLowerCase(Locale.ROOT);
        if (word.matches("b\\d{1,3}")) {
          int band = Integer.parseInt(word.substring(1));
          if (band < 1) {
            throw error("bands count from b1");
          }
          maxBand = Math.max(maxBand, band);
          int index = band - 1;
          return b -> b[index];
        }
        return function(word, depth);
      }
      throw error("unexpected '" + c + "'");
    }

    Node function(String name, int depth) {
      skipSpaces();
      if (!peek('(')) {
        throw error("unknown name '" + name + "'; use b1…bN, numbers and abs, sqrt, log, log10, exp, min, max, where");
      }
      pos++;
      List<Node> args = new ArrayList<>();
      skipSpaces();
      if (!peek(')')) {
        do {
          args.add(comparison(depth + 1));
          skipSpaces();
        } while (peek(',') && ++pos > 0);
      }
      expect(')');
      int arity = switch (name) {
        case "abs", "sqrt", "log", "log10", "exp" -> 1;
        case "min", "max" -> 2;
        case "where" -> 3;
        default -> throw error("unknown function '" + name + "'");
      };
      if (args.size() != arity) {
        throw error(name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + args.size());
      }
      Node a = args.get(0);
      return switch (name) {
        case "abs" -> b -> Math.abs(a.eval(b));
        case "sqrt" -> b -> Math.sqrt(a.eval(b));
        case "log" -> b -> Math.log(a.eval(b));
        case "log10" -> b -> Math.log10(a.eval(b));
        case "exp" -> b -> Math.exp(a.eval(b));
        case "min" -> {
          Node c = args.get(1);
          yield b -> Math.min(a.eval(b), c.eval(b));
        }
        case "max" -> {
          Node c = args.get(1);
          yield b -> Math.max(a.eval(b), c.eval(b));
        }
        default -> {
          Node then = args.get(1);
          Node otherwise = args.get(2);
          yield b -> a.eval(b) != 0 ? then.eval(b) : otherwise.eval(b);
        }
      };
    }

    void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    void expect(char c) {
      skipSpaces();
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    RasterException error(String why) {
      return RasterException.badParameter("expression", "expression '" + whole + "': " + why + " at position " + pos);
    }
  }
}
