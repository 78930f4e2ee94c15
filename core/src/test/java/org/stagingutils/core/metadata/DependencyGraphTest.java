// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  @Test
  void ordersParentsBeforeChildrenAndReversesForDeletes() {
    TableMetadata store = table("STORE");
    TableMetadata catalog = table("CATALOG", "STORE");
    TableMetadata entry = table("CATENTRY", "CATALOG");
    TableMetadata price = table("LISTPRICE", "CATENTRY");

    DependencyGraph graph = DependencyGraph.of(List.of(price, entry, store, catalog));

    assertThat(names(graph.parentsFirst()))
        .containsExactly("STORE", "CATALOG", "CATENTRY", "LISTPRICE");
    assertThat(names(graph.childrenFirst()))
        .containsExactly("LISTPRICE", "CATENTRY", "CATALOG", "STORE");
    assertThat(graph.cycles()).isEmpty();
  }

  @Test
  void reportsSelfReferencesWithoutTreatingThemAsCycles() {
    TableMetadata group = table("CATGROUP", "CATGROUP");

    DependencyGraph graph = DependencyGraph.of(List.of(group));

    assertThat(names(graph.selfReferencing())).containsExactly("CATGROUP");
    assertThat(graph.cycles()).isEmpty();
    assertThat(names(graph.parentsFirst())).containsExactly("CATGROUP");
  }

  @Test
  void groupsTablesThatReferenceEachOtherAndKeepsTheirParentsFirst() {
    TableMetadata store = table("STORE");
    TableMetadata a = table("A", "B", "STORE");
    TableMetadata b = table("B", "A");
    TableMetadata child = table("C", "A");

    DependencyGraph graph = DependencyGraph.of(List.of(child, b, a, store));

    assertThat(graph.cycles()).hasSize(1);
    assertThat(names(graph.cycles().get(0))).containsExactly("A", "B");
    assertThat(names(graph.parentsFirst())).containsExactly("STORE", "A", "B", "C");
  }

  @Test
  void listsForeignKeysIntoTablesThatAreNotStaged() {
    TableMetadata entry = table("CATENTRY", "MEMBER");

    DependencyGraph graph = DependencyGraph.of(List.of(entry));

    assertThat(graph.externalReferences())
        .singleElement()
        .satisfies(fk -> assertThat(fk.referencedTable().name()).isEqualTo("MEMBER"));
  }

  @Test
  void handlesLongChainsWithoutRecursion() {
    List<TableMetadata> tables = new ArrayList<>();
    tables.add(table("T0"));
    for (int i = 1; i < 5_000; i++) {
      tables.add(table("T" + i, "T" + (i - 1)));
    }

    DependencyGraph graph = DependencyGraph.of(tables);

    assertThat(graph.parentsFirst().get(0).name().name()).isEqualTo("T0");
    assertThat(graph.parentsFirst().get(4_999).name().name()).isEqualTo("T4999");
  }

  private static List<String> names(List<TableMetadata> tables) {
    return tables.stream().map(t -> t.name().name()).toList();
  }

  private static TableMetadata table(String name, String... parents) {
    TableName tableName = TableName.of("s", name);
    List<ForeignKey> fks = new ArrayList<>();
    for (String parent : parents) {
      fks.add(
          new ForeignKey(
              "fk_" + name + "_" + parent,
              tableName,
              List.of("PARENT_ID"),
              TableName.of("s", parent),
              List.of("ID"),
              DatabaseMetaData.importedKeyNoAction,
              DatabaseMetaData.importedKeyNoAction,
              false));
    }
    return new TableMetadata(
        tableName,
        List.of(new Column("ID", 1, Types.BIGINT, "bigint", 19, 0, false)),
        Optional.of(new Key("pk_" + name, List.of("ID"), true)),
        List.of(),
        fks);
  }
}
