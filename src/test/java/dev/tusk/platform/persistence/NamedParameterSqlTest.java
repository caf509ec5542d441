package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedParameterSqlTest {

    @Test
    void replacesNamedArgumentsInOrder() {
        NamedParameterSql sql = NamedParameterSql.parse(
                "INSERT INTO mo_peers VALUES(@info_hash, @peer_id, @Address::inet) ON CONFLICT DO NOTHING");
        assertThat(sql.jdbcSql()).isEqualTo("INSERT INTO mo_peers VALUES(?, ?, ?::inet) ON CONFLICT DO NOTHING");
        assertThat(sql.parameterNames()).containsExactly("info_hash", "peer_id", "address");
    }

    @Test
    void aNameUsedTwiceIsBoundTwice() {
        NamedParameterSql sql = NamedParameterSql.parse("SELECT 1 WHERE a = @x OR b = @x");
        assertThat(sql.parameterNames()).containsExactly("x", "x");
    }

    @Test
    void positionalArgumentsTakeTheDocumentedNames() {
        NamedParameterSql sql = NamedParameterSql.parse(
                "SELECT peer_id FROM mo_peers WHERE info_hash=$1 AND is_seeder=$2 AND is_v6=$3 LIMIT $4",
                List.of("info_hash", "is_seeder", "is_v6", "count"));
        assertThat(sql.jdbcSql()).isEqualTo("SELECT peer_id FROM mo_peers WHERE info_hash=? AND is_seeder=? AND is_v6=? LIMIT ?");
        assertThat(sql.parameterNames()).containsExactly("info_hash", "is_seeder", "is_v6", "count");
        assertThatThrownBy(() -> NamedParameterSql.parse("SELECT $5", List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesLiteralsCommentsAndOperatorsAlone() {
        String sql = "SELECT '@not', \"@col\", $tag$ @no $1 $tag$, a @> b, @ -5 -- @comment\n/* @block */ FROM t WHERE c = @yes";
        NamedParameterSql parsed = NamedParameterSql.parse(sql);
        assertThat(parsed.parameterNames()).containsExactly("yes");
        assertThat(parsed.jdbcSql()).isEqualTo(sql.replace("= @yes", "= ?"));
    }

    @Test
    void doubledQuotesStayInsideTheLiteral() {
        NamedParameterSql parsed = NamedParameterSql.parse("SELECT 'it''s @x' WHERE y = @y");
        assertThat(parsed.parameterNames()).containsExactly("y");
    }
}
