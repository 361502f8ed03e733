package io.sitemove.wordpress.internal.serialized;

/** The scalar tokens of PHP's serialize format, each read from its type letter to just after its {@code ;}. */
enum Tokens {
    BOOLEAN("boolean"), INTEGER("integer"), FLOAT("float"), REFERENCE("reference");

    final String label;

    Tokens(String label) {
        this.label = label;
    }

    /** The offset just after the token starting at {@code start}, or -1 when it is not one. */
    int end(byte[] in, int start) {
        int at = start + 2;
        if (at > in.length || in[start + 1] != ':') {
            return -1;
        }
        int end = switch (this) {
            case BOOLEAN -> at < in.length && (in[at] == '0' || in[at] == '1') ? at + 1 : -1;
            case INTEGER -> signedDigits(in, at);
            case REFERENCE -> afterDigits(in, at) > at ? afterDigits(in, at) : -1;
            case FLOAT -> number(in, at);
        };
        return end >= 0 && end < in.length && in[end] == ';' ? end + 1 : -1;
    }

    /** The value of the unsigned decimal at {@code at}, or -1 when there is none or it passes int's range. */
    static int digits(byte[] in, int at) {
        long n = 0;
        int i = at;
        for (; i < in.length && in[i] >= '0' && in[i] <= '9'; i++) {
            n = n * 10 + (in[i] - '0');
            if (n > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return i == at ? -1 : (int) n;
    }

    /** The offset after the run of decimal digits at {@code at}. */
    static int afterDigits(byte[] in, int at) {
        int i = at;
        while (i < in.length && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int signedDigits(byte[] in, int at) {
        int i = at < in.length && (in[at] == '-' || in[at] == '+') ? at + 1 : at;
        int end = afterDigits(in, i);
        return end > i ? end : -1;
    }

    private static int number(byte[] in, int at) {
        for (String word : new String[] {"NAN", "INF", "-INF"}) {
            if (startsWith(in, at, word)) {
                return at + word.length();
            }
        }
        int i = at < in.length && (in[at] == '-' || in[at] == '+') ? at + 1 : at;
        int whole = afterDigits(in, i);
        int end = whole;
        if (end < in.length && in[end] == '.') {
            end = afterDigits(in, end + 1);
        }
        if (end - i - (end > whole ? 1 : 0) <= 0) {
            return -1;
        }
        if (end < in.length && (in[end] == 'e' || in[end] == 'E')) {
            int exp = end + 1 < in.length && (in[end + 1] == '-' || in[end + 1] == '+') ? end + 2 : end + 1;
            int after = afterDigits(in, exp);
            return after > exp ? after : -1;
        }
        return end;
    }

    private static boolean startsWith(byte[] in, int at, String word) {
        if (at + word.length() > in.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
