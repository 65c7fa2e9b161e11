package news.masthead.kernel.sql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdListTest {

    @Test
    void listsArePaddedToAPowerOfTwoSoAPageHasAtMostEightShapes() {
        List<Integer> parameters = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 5, 20, 21, 32, 33, 100}) {
            parameters.add(IdList.of("ids", ids(n)).in().split(",").length);
        }
        assertEquals(List.of(1, 2, 4, 4, 8, 32, 32, 32, 64, 128), parameters);
    }

    @Test
    void eachIdIsAParameterOfItsOwn() {
        assertEquals("in (:ids0, :ids1, :ids2, :ids3)", IdList.of("ids", ids(3)).in());
    }

    @Test
    void anEmptyListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdList.of("ids", List.of()));
    }

    private static List<UUID> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }
}
