import type { RuleBook } from '../core/index.js';
import { ruleBook } from '../core/rule-book.js';
import { LicensingWidget } from './licensing-widget.js';

/**
 * A widget that reads what the rule book derives (`issues`, `quote`, `planned`, `canSave`): it
 * gives the store the rule book before its first render. The cards, the retention picker, the
 * Power Pack limits (through `EditingWidget`), the cart and the manager extend it; data-only
 * widgets extend `LicensingWidget` and ship no rules.
 */
export class RulesWidget extends LicensingWidget {
  protected override storeRules(): RuleBook {
    return ruleBook;
  }
}
