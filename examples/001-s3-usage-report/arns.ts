/** The seed's account, region and SNS topic (placeholders in the original post). */
const region = 'ap-northeast-1';
const account = '123456789000';

export const lambdaArn = (name: string) => `arn:aws:lambda:${region}:${account}:function:${name}`;
export const topicArn = `arn:aws:sns:${region}:${account}:xxxxxxxxxx`;
export const SNS_PUBLISH = 'arn:aws:states:::sns:publish';
