package dev.orderflow.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The latest e-mails the catcher received, at most a fixed number of them, so that it never runs out of memory. */
final class Mailbox {

    private final int capacity;
    private final Deque<CaughtMail> mails = new ArrayDeque<>();
    private long received;

    Mailbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(CaughtMail mail) {
        if (mails.size() == capacity) {
            mails.removeFirst();
        }
        mails.addLast(mail);
        received++;
    }

    /** The latest e-mails that match, latest first, at most {@code limit}. */
    synchronized List<CaughtMail> latest(Predicate<CaughtMail> matching, int limit) {
        List<CaughtMail> latest = new ArrayList<>();
        for (Iterator<CaughtMail> it = mails.descendingIterator(); it.hasNext() && latest.size() < limit; ) {
            CaughtMail mail = it.next();
            if (matching.test(mail)) {
                latest.add(mail);
            }
        }
        return latest;
    }

    /** How many e-mails were received since the start, including those no longer kept. */
    synchronized long received() {
        return received;
    }

    int capacity() {
        return capacity;
    }
}
