/**
 * The CPU model: what Apex work costs, in microseconds of the transaction's `CpuTime`. The interpreter charges
 * every statement 1 µs (it is slower than the platform, so its wall time would overcount); built-ins are charged by
 * the work they do, so a transaction that parses megabytes of JSON, describes every field or builds long strings
 * uses CPU as it would on a real org even though it runs few statements. The org adds the charges up
 * (`OrgApi.chargeCpu`, 1 unit = 1 µs) and throws "Apex CPU time limit exceeded" past the limit.
 *
 * Calibration (DIVERGENCES.md, "Transactions and limits"): the describe costs follow the published figure of Known
 * Issue W-6105723 (Trailblazer Community, "SObjectType.getDescribe() and SObjectField.getDescribe() increase Apex
 * CPU consumption"): describing 548 objects and every one of their fields took 2,559 ms at API 43 — about 90 µs a
 * describe, taking some 50 fields per object. No public benchmark gives per-character costs for JSON, regular
 * expressions or strings; those are local estimates, set so that a megabyte of JSON costs about half a second and
 * copying characters costs what a JVM memory copy does (~1 ns a character). Database time is not charged: "the
 * portion of execution time spent in the database for DML, SOQL, and SOSL isn't counted" (Salesforce Help, "Apex
 * CPU time limit exceeded", article 000339361); turning query rows into SObjects is.
 */
export const CPU_US = {
  /** one Apex statement */
  statement: 1,
  /** JSON.deserialize / deserializeUntyped / deserializeStrict, per character of input */
  jsonParseChar: 0.5,
  /** JSON.serialize / serializePretty, per character of output */
  jsonSerializeChar: 0.25,
  /** Schema.getGlobalDescribe(), per object in the map */
  globalDescribeObject: 1,
  /** SObjectType.getDescribe() / Schema.SObjectType.X */
  describeSObject: 90,
  /** DescribeSObjectResult.fields.getMap(), per field in the map */
  fieldMapEntry: 1,
  /** SObjectField.getDescribe() / Schema.SObjectType.X.fields.Y */
  describeField: 90,
  /** compiling a regular expression (Pattern.compile, String.split/replaceAll/matches), plus per pattern character */
  regexCompile: 5,
  regexPatternChar: 0.2,
  /** a regular expression scanning its input, per character */
  regexInputChar: 0.02,
  /** building a String (concatenation, join, repeat, replace), per character produced */
  stringChar: 0.001,
  /** a SOQL row turned into an SObject, plus per field */
  soqlRow: 2,
  soqlField: 0.2,
} as const;
