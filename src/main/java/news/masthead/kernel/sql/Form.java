package news.masthead.kernel.sql;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a record's writable fields are read as its input type and written back, for {@link Writes#patch}: the
 * stored fields are read as input, the patch merged in, the result validated and applied as a PUT would be.
 */
public record Form<E, I>(Class<I> type, Function<E, I> read, BiConsumer<E, I> apply) {}
