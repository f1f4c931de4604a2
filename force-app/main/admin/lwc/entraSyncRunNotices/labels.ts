// Custom labels of the run notices; the comment after each import is the label's English value.
import WARNING from '@salesforce/label/c.EntraSync_Notice_Warning'; // Warning
export default {
  warning: WARNING,
};
