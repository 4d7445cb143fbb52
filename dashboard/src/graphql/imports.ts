import { graphql } from './generated';

export const CsvTemplateQuery = graphql(`
  query CsvTemplate($kind: CsvImportKind!) { csvTemplate(kind: $kind) }
`);

export const ImportCsvMutation = graphql(`
  mutation ImportCsv($kind: CsvImportKind!, $csv: String!, $dryRun: Boolean!, $fromItem: Int, $itemCount: Int) {
    importCsv(kind: $kind, csv: $csv, dryRun: $dryRun, fromItem: $fromItem, itemCount: $itemCount) {
      rows items results { row externalId outcome code field message }
    }
  }
`);
