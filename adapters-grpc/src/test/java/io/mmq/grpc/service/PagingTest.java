package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mmq.grpc.mapping.InvalidFieldException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 250).boxed().toList();

  @Test
  void zeroMeansTheDefaultAndLargeSizesAreClamped() {
    assertThat(Paging.of(0, "")).isEqualTo(new Paging(0, Paging.DEFAULT_SIZE));
    assertThat(Paging.of(5000, "")).isEqualTo(new Paging(0, Paging.MAX_SIZE));
  }

  @Test
  void pagesWalkTheListUntilTheTokenIsEmpty() {
    Paging first = Paging.of(100, "");
    Paging second = Paging.of(100, first.nextToken(ITEMS.size()));
    Paging third = Paging.of(100, second.nextToken(ITEMS.size()));

    assertThat(first.slice(ITEMS)).startsWith(0).endsWith(99);
    assertThat(second.slice(ITEMS)).startsWith(100).endsWith(199);
    assertThat(third.slice(ITEMS)).hasSize(50).startsWith(200);
    assertThat(third.nextToken(ITEMS.size())).isEmpty();
    assertThat(Paging.of(100, "1000").slice(ITEMS)).isEmpty();
  }

  @Test
  void anOffsetNearTheIntegerLimitDoesNotOverflow() {
    Paging far = Paging.of(1000, Integer.toString(Integer.MAX_VALUE));

    assertThat(far.slice(ITEMS)).isEmpty();
    assertThat(far.nextToken(ITEMS.size())).isEmpty();
  }

  @Test
  void tokensTheServerDidNotIssueAndNegativeSizesAreRejected() {
    for (String token : List.of("x", "-1", "01", "+5", "1.0", "99999999999")) {
      InvalidFieldException e =
          catchThrowableOfType(InvalidFieldException.class, () -> Paging.of(10, token));
      assertThat(e).as(token).isNotNull();
      assertThat(e.fieldPath()).isEqualTo("pageToken");
    }
    assertThat(
            catchThrowableOfType(InvalidFieldException.class, () -> Paging.of(-1, "")).fieldPath())
        .isEqualTo("pageSize");
  }
}
