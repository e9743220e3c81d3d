package dev.tessera.engine.points;

/**
 * Sorts parallel arrays into the implicit static k-d tree of kdbush (V. Agafonkin, ISC): the median of every range
 * sits in its middle, split alternately by x and y, down to ranges of {@code nodeSize}. Selection is Floyd–Rivest, as
 * in kdbush. Callers swap their own payload arrays through {@link Swapper}.
 */
final class KdSort {
  /** Swaps items {@code i} and {@code j} in every array the caller keeps parallel to the coordinates. */
  interface Swapper {
    void swap(int i, int j);
  }

  private KdSort() {}

  /** Sorts {@code coords} (x0, y0, x1, y1, …) and whatever {@code swapper} moves along with them. */
  static void sort(float[] coords, int count, int nodeSize, Swapper swapper) {
    if (count > 0) {
      sort(coords, swapper, nodeSize, 0, count - 1, 0);
    }
  }

  private static void sort(float[] coords, Swapper swapper, int nodeSize, int left, int right, int axis) {
    if (right - left <= nodeSize) {
      return;
    }
    int m = (left + right) >> 1;
    select(coords, swapper, m, left, right, axis);
    sort(coords, swapper, nodeSize, left, m - 1, 1 - axis);
    sort(coords, swapper, nodeSize, m + 1, right, 1 - axis);
  }

  private static void select(float[] coords, Swapper swapper, int k, int left, int right, int axis) {
    while (right > left) {
      if (right - left > 600) {
        int n = right - left + 1;
        int m = k - left + 1;
        double z = Math.log(n);
        double s = 0.5 * Math.exp(2 * z / 3);
        double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * (m - n / 2.0 < 0 ? -1 : 1);
        int newLeft = (int) Math.max(left, Math.floor(k - m * s / n + sd));
        int newRight = (int) Math.min(right, Math.floor(k + (n - m) * s / n + sd));
        select(coords, swapper, k, newLeft, newRight, axis);
      }
      float t = coords[2 * k + axis];
      int i = left;
      int j = right;
      swap(coords, swapper, left, k);
      if (coords[2 * right + axis] > t) {
        swap(coords, swapper, left, right);
      }
      while (i < j) {
        swap(coords, swapper, i, j);
        i++;
        j--;
        while (coords[2 * i + axis] < t) {
          i++;
        }
        while (coords[2 * j + axis] > t) {
          j--;
        }
      }
      if (coords[2 * left + axis] == t) {
        swap(coords, swapper, left, j);
      } else {
        j++;
        swap(coords, swapper, j, right);
      }
      if (j <= k) {
        left = j + 1;
      }
      if (k <= j) {
        right = j - 1;
      }
    }
  }

  private static void swap(float[] coords, Swapper swapper, int i, int j) {
    float x = coords[2 * i];
    coords[2 * i] = coords[2 * j];
    coords[2 * j] = x;
    float y = coords[2 * i + 1];
    coords[2 * i + 1] = coords[2 * j + 1];
    coords[2 * j + 1] = y;
    swapper.swap(i, j);
  }
}
