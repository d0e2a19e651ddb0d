/** App-wide names shown to the user. */
export const APP_NAME = '文稿';
export const APP_NAME_EN = 'Wengao';

/** The window title: "报告.docx - 文稿", with a leading "*" while there are unsaved changes (as WPS does). */
export function windowTitle(documentName: string, dirty: boolean): string {
  return `${dirty ? '*' : ''}${documentName} - ${APP_NAME}`;
}
