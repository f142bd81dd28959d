/** "12 stale contacts" in the status bar; a click opens the view. Hidden when off or zero. */
import type { CrmContext } from '../context';
import { plural } from '../../core/text/format';
import type { StaleModel } from './stale-model';

export class StaleStatusBar {
  constructor(
    private readonly el: HTMLElement,
    private readonly ctx: CrmContext,
    private readonly model: StaleModel,
  ) {
    el.addClass('ncrm-status-bar', 'mod-clickable');
    el.setAttr('aria-label', 'Open stale contacts');
  }

  update(): void {
    if (!this.ctx.settings.showStatusBar || !this.ctx.index.ready) {
      this.el.toggleClass('ncrm-hidden', true);
      return;
    }
    const n = this.model.sectionCounts().stale;
    this.el.setText(plural(n, 'stale contact'));
    this.el.toggleClass('ncrm-hidden', n === 0);
  }
}
