import type { RenderedSection } from '../render/blocks';
import { DEPARTMENTS, ReportText } from '../report-text';
import type { ActionItem, AnySectionBuilder, Priority, ReportData, SectionBuilder } from '../report.types';

export interface ActionsSection {
  /** by department, then priority */
  items: ActionItem[];
}

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** Asks every section for the items its data points to; pure. */
export function collectActions(builders: readonly AnySectionBuilder[], report: Pick<ReportData, 'settings' | 'sections'>): ActionsSection {
  const items: ActionItem[] = [];
  for (const builder of builders) {
    const data = report.sections[builder.key];
    // each builder reads its own key's data: the union of builders needs this one cast
    const actionsOf = builder.actions as ((data: unknown, report: Pick<ReportData, 'settings' | 'sections'>) => ActionItem[]) | undefined;
    if (data !== undefined && actionsOf) items.push(...actionsOf(data, report));
  }
  const department = (item: ActionItem) => DEPARTMENTS.indexOf(item.department);
  return {
    items: items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => department(a.item) - department(b.item) || PRIORITY_ORDER[a.item.priority] - PRIORITY_ORDER[b.item.priority] || a.index - b.index)
      .map(({ item }) => item),
  };
}

function render(data: ActionsSection, text: ReportText): RenderedSection {
  const priority = (value: Priority) => text.t(value === 'medium' ? 'medium_priority' : value);
  return {
    key: 'actions',
    title: text.t('actions'),
    blocks: [
      {
        type: 'list',
        id: 'actions',
        labels: [text.t('department'), text.t('priority'), text.t('action')],
        groups: DEPARTMENTS.map((department) => ({
          title: text.department(department),
          items: data.items
            .filter((item) => item.department === department)
            .map((item) => ({
              text: text.pick(item.text),
              badge: priority(item.priority),
              tone: item.priority === 'high' ? ('bad' as const) : ('neutral' as const),
            })),
        })).filter((group) => group.items.length > 0),
        empty: text.t('noActions'),
      },
    ],
  };
}

/** The last section: what each department should do, from the data of the sections before it. */
export function actionsSectionOf(builders: readonly AnySectionBuilder[]): SectionBuilder<'actions', Record<string, never>> {
  return {
    key: 'actions',
    queries: {},
    build: (_rows, context) => collectActions(builders, { settings: context.settings, sections: context.sections }),
    render,
  };
}
