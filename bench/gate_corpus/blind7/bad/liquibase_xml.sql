<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="perps"><addColumn tableName="positions"><column name="hedge_ref" type="text"/></addColumn></changeSet>
</databaseChangeLog>
