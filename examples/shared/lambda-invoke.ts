/** `arn:aws:lambda:<region>:<account>:function:<name>:$LATEST`, as the console writes it. */
export const latest = (region: string, account: string, name: string) =>
  `arn:aws:lambda:${region}:${account}:function:${name}:$LATEST`;
