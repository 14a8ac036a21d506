package dev.openproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo's pool of workers: every item once, reports in the order read, reading bounded. */
class DemoPoolTest {
  @Test
  void everyItemIsWorkedOnOnceAndTheReportsComeInTheOrderTheChunksWereRead() {
    List<Integer> items = IntStream.rangeClosed(1, 1000).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<List<Integer>> taken = new ArrayList<>();
    new DemoPool(3, 7).run(items.iterator(), chunk -> {
      threads.add(Thread.currentThread().getName());
      return chunk;
    }, chunk -> taken.add(chunk));
    assertThat(taken).hasSize(143).allMatch(chunk -> chunk.size() <= 7);
    assertThat(taken.stream().flatMap(List::stream).toList()).isEqualTo(items);
    assertThat(threads).allMatch(name -> name.startsWith("openproof-demo-worker-")).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void readingStopsWhenTheTakerSaysSoAndNoMoreThanTwoChunksAWorkerAreReadAhead() {
    AtomicInteger read = new AtomicInteger();
    java.util.Iterator<Integer> items = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return read.incrementAndGet();
      }
    };
    List<Integer> firsts = new ArrayList<>();
    new DemoPool(2, 10).run(items, chunk -> chunk.get(0), first -> {
      firsts.add(first);
      return first < 31;
    });
    assertThat(firsts.get(3)).isEqualTo(31);
    assertThat(read.get()).as("items read of an endless source").isLessThanOrEqualTo(4 * 10 + 2 * 2 * 10);
    assertThat(firsts).isSorted();
  }

  @Test
  void whatAChunkThrowsReachesTheCaller() {
    List<Integer> items = IntStream.rangeClosed(1, 50).boxed().toList();
    assertThatThrownBy(() -> new DemoPool(2, 5).run(items.iterator(), chunk -> {
      if (chunk.contains(23)) {
        throw new IllegalStateException("chunk with 23");
      }
      return chunk;
    }, chunk -> true)).isInstanceOf(IllegalStateException.class).hasMessage("chunk with 23");
  }

  @Test
  void aPoolNeedsAWorkerAndAChunk() {
    assertThatThrownBy(() -> new DemoPool(0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoPool(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
