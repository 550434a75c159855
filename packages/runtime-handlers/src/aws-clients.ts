import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * Plain SDK clients, created on first use and kept for the life of the Lambda container. They
 * take region, credentials and endpoints from the standard configuration, so
 * AWS_ENDPOINT_URL_S3 / _DYNAMODB / _SFN point them at local servers without any code here.
 */
let s3: S3Client | undefined;
let dynamodb: DynamoDBClient | undefined;
let sfn: SFNClient | undefined;

/** ListBuckets lists the buckets of every region: follow S3's redirect to a bucket's own region. */
export const s3Client = (): S3Client => (s3 ??= new S3Client({ followRegionRedirects: true }));
export const dynamodbClient = (): DynamoDBClient => (dynamodb ??= new DynamoDBClient({}));
export const sfnClient = (): SFNClient => (sfn ??= new SFNClient({}));
