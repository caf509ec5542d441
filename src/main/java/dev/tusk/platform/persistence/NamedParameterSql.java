package dev.tusk.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL written with named arguments ({@code @info_hash}) or PostgreSQL positional ones
 * ({@code $1}), translated to JDBC's {@code ?} placeholders with the argument name of each.
 * Literals, quoted identifiers, dollar-quoted strings and comments are left alone.
 *
 * @param jdbcSql        the statement with {@code ?} placeholders
 * @param parameterNames the argument name bound to each placeholder, in order (lower case)
 */
public record NamedParameterSql(String jdbcSql, List<String> parameterNames) {

    /**
     * @param sql             the statement as configured
     * @param positionalNames the names that {@code $1}, {@code $2}... stand for in this statement
     */
    public static NamedParameterSql parse(String sql, List<String> positionalNames) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closing(sql, i + 1, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '@' && i + 1 < n && isIdentifierStart(sql.charAt(i + 1))) {
                end = i + 1;
                while (end < n && isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
                out.append('?');
                i = end;
                continue;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                int position = Integer.parseInt(sql.substring(i + 1, end));
                if (position < 1 || position > positionalNames.size()) {
                    throw new IllegalArgumentException("$" + position + " has no meaning in: " + sql);
                }
                names.add(positionalNames.get(position - 1));
                out.append('?');
                i = end;
                continue;
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                end = dollarQuoteEnd(sql, i);
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return new NamedParameterSql(out.toString(), List.copyOf(names));
    }

    public static NamedParameterSql parse(String sql) {
        return parse(sql, List.of());
    }

    public boolean uses(String name) {
        return parameterNames.contains(name);
    }

    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** $tag$ ... $tag$; a lone '$' that opens no tag is just a character. */
    private static int dollarQuoteEnd(String sql, int start) {
        int tagEnd = sql.indexOf('$', start + 1);
        if (tagEnd < 0) {
            return start + 1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        for (int k = 1; k < tag.length() - 1; k++) {
            if (!isIdentifierPart(tag.charAt(k))) {
                return start + 1;
            }
        }
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
