// Page numbers a PDF page break leaves on a line of their own. The numbers stage reads through them
// inside a number split by the break; the model drops their lines from prose and tables.

/** A page number marked as one (`- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`): never part of a figure. */
export const MARKED_PAGE_NUMBER = '[-—–－][ \\t\\u3000]*\\d{1,4}[ \\t\\u3000]*[-—–－]|第[ \\t\\u3000]*\\d{1,4}[ \\t\\u3000]*页(?:[ \\t\\u3000]*[,，/]?[ \\t\\u3000]*共[ \\t\\u3000]*\\d{1,4}[ \\t\\u3000]*页)?';
