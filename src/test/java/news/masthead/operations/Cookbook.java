package news.masthead.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * The runnable part of docs/cookbook.md: between {@code <!-- cookbook:begin -->} and {@code <!-- cookbook:end -->},
 * every {@code ```bash} block is followed (blank lines apart) by a {@code ```text} or {@code ```json} block, the output
 * it prints.
 */
final class Cookbook {

    static final String BEGIN = "<!-- cookbook:begin -->";
    static final String END = "<!-- cookbook:end -->";

    /** A bash block, its expected output, and where both are in the file (0-based line indexes of their fences). */
    record Block(int line, String script, String expected, int expectedFrom, int expectedTo) {

        String firstCommand() {
            return script.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .findFirst()
                    .orElse("");
        }
    }

    private Cookbook() {}

    static List<Block> parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        int begin = lines.indexOf(BEGIN);
        int end = lines.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the cookbook needs " + BEGIN + " and then " + END);
        }
        List<Block> blocks = new ArrayList<>();
        int i = begin + 1;
        while (i < end) {
            if (!lines.get(i).equals("```bash")) {
                if (lines.get(i).startsWith("```")) {
                    throw new IllegalArgumentException(
                            "line " + (i + 1) + ": an output block with no bash block before it");
                }
                i++;
                continue;
            }
            int scriptEnd = closing(lines, i, end);
            int next = scriptEnd + 1;
            while (next < end && lines.get(next).isBlank()) {
                next++;
            }
            if (next >= end
                    || !(lines.get(next).equals("```text") || lines.get(next).equals("```json"))) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": a bash block needs its output (```text or ```json) right after it");
            }
            int outputEnd = closing(lines, next, end);
            blocks.add(new Block(
                    i + 1,
                    String.join("\n", lines.subList(i + 1, scriptEnd)),
                    String.join("\n", lines.subList(next + 1, outputEnd)),
                    next + 1,
                    outputEnd));
            i = outputEnd + 1;
        }
        return blocks;
    }

    /** The cookbook with each expected output replaced by what its block printed: a starting point for updating it. */
    static String withOutputs(String markdown, List<Block> blocks, List<String> outputs) {
        List<String> lines = new ArrayList<>(markdown.lines().toList());
        for (int b = blocks.size() - 1; b >= 0; b--) {
            Block block = blocks.get(b);
            lines.subList(block.expectedFrom(), block.expectedTo()).clear();
            lines.addAll(
                    block.expectedFrom(),
                    CookbookMasks.normalise(outputs.get(b)).lines().toList());
        }
        return String.join("\n", lines) + "\n";
    }

    private static int closing(List<String> lines, int fence, int end) {
        for (int i = fence + 1; i < end; i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new IllegalArgumentException("line " + (fence + 1) + ": the block is not closed before " + END);
    }
}
