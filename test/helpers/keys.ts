import { sendKeys } from '@web/test-runner-commands';

/**
 * Types `text` into the focused element one character at a time. WebKitGTK's WebDriver drops
 * characters (a repeated digit, a space) when handed a whole string at once; one key per command
 * types exactly what a user would in every engine.
 */
export async function typeText(text: string): Promise<void> {
  for (const key of text) await sendKeys({ type: key });
}
