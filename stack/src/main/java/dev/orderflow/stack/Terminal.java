package dev.orderflow.stack;

/** How bin/stack writes: with colours on a terminal, plain into a pipe or file (CI logs, grep). */
record Terminal(boolean tty) {

    String bold(String text) {
        return paint("\033[1m", text);
    }

    String red(String text) {
        return paint("\033[31m", text);
    }

    String green(String text) {
        return paint("\033[32m", text);
    }

    String yellow(String text) {
        return paint("\033[33m", text);
    }

    private String paint(String colour, String text) {
        return tty ? colour + text + "\033[0m" : text;
    }
}
