import { POLL_INTERVAL_MS, Poller, errorMessage, formatDuration, formatLabel, showToast } from 'c/entraSyncAdminUtils';

describe('c/entraSyncAdminUtils', () => {
  describe('errorMessage', () => {
    it('reads the message of an AuraHandledException', () => {
      expect(errorMessage({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } })).toBe(
        'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin',
      );
    });

    it('joins DML page and field errors from a list body', () => {
      const error = {
        body: [
          {
            pageErrors: [{ message: 'DUPLICATE_VALUE: duplicate' }],
            fieldErrors: { Name: [{ message: 'REQUIRED_FIELD_MISSING: Name' }] },
          },
        ],
      };
      expect(errorMessage(error)).toBe('DUPLICATE_VALUE: duplicate REQUIRED_FIELD_MISSING: Name');
    });

    it('falls back to a JavaScript error message, a string, or nothing', () => {
      expect(errorMessage(new Error('network down'))).toBe('network down');
      expect(errorMessage('plain text')).toBe('plain text');
      expect(errorMessage(undefined)).toBe('');
      expect(errorMessage({})).toBe('');
    });
  });

  describe('formatLabel', () => {
    it('fills numbered placeholders and blanks missing values', () => {
      expect(formatLabel('{0} created · {1} failed{2}', 3, 0)).toBe('3 created · 0 failed');
      expect(formatLabel('Run {0}', null)).toBe('Run ');
    });
  });

  describe('formatDuration', () => {
    it('formats seconds as hours, minutes and seconds', () => {
      expect(formatDuration(3725)).toBe('1h 2m 5s');
      expect(formatDuration(120)).toBe('2m');
      expect(formatDuration(0)).toBe('0s');
      expect(formatDuration(null)).toBe('');
      expect(formatDuration(undefined)).toBe('');
    });
  });

  describe('showToast', () => {
    it('dispatches the platform toast event', () => {
      const target = new EventTarget();
      const listener = jest.fn();
      target.addEventListener('lightning__showtoast', listener);

      showToast(target, 'Saved', 'Deployment queued', 'success');

      expect(listener.mock.calls[0][0].detail).toEqual({
        title: 'Saved',
        message: 'Deployment queued',
        variant: 'success',
      });
    });
  });

  describe('Poller', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('re-reads once after the poll interval', () => {
      jest.useFakeTimers();
      const reload = jest.fn(() => Promise.resolve());
      const poller = new Poller(reload);

      poller.schedule();
      jest.advanceTimersByTime(POLL_INTERVAL_MS - 1);
      expect(reload).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(reload).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
      expect(reload).toHaveBeenCalledTimes(1);
    });

    it('keeps a single pending re-read and cancels it on stop', () => {
      jest.useFakeTimers();
      const reload = jest.fn(() => Promise.resolve());
      const poller = new Poller(reload);

      poller.schedule();
      poller.schedule();
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
      expect(reload).toHaveBeenCalledTimes(1);

      poller.schedule();
      poller.stop();
      jest.advanceTimersByTime(POLL_INTERVAL_MS * 2);
      expect(reload).toHaveBeenCalledTimes(1);
    });
  });
});
