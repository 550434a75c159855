/*
 * Typed service integrations: each helper builds the options of `.task(name, …)` for one AWS API
 * call — Resource, request, result type — in either query language, and offers only the
 * integration patterns AWS supports for it (`sns.publish.waitForTaskToken` exists,
 * `sns.publish.sync` does not).
 */
export * as lambda from './services/lambda/index.js';
export * as sns from './services/sns.js';
export * as sqs from './services/sqs.js';
export * as events from './services/eventbridge.js';
export * as dynamodb from './services/dynamodb/index.js';
export * as s3 from './services/s3.js';
export * as states from './services/step-functions.js';
export * as http from './services/http.js';
export { awsSdk } from './services/aws-sdk.js';
export type { LambdaInvokeResult } from './services/lambda/index.js';
export type { AttributeValue, AttributeMap, StoredAttributeValue, StoredItem } from './services/dynamodb/attribute-value.js';
export type { HandlerContract } from './request/contract.js';
export { integrationArn, type IntegrationPattern, type ServiceCall, type Request as ServiceRequest } from './request/service-call.js';
export { integrationTask, type IntegrationTask } from './render/integration-task.js';
