/*
 * abi_itimer - setitimer (104) and getitimer (105), ITIMER_REAL.
 *
 *  - a one-shot timer delivers SIGALRM once; getitimer shows the time
 *    left (never more than was set) and zero once it has fired;
 *  - a periodic timer keeps firing (several SIGALRMs arrive) and
 *    getitimer shows its interval; setitimer returns the old setting;
 *  - alarm() and ITIMER_REAL are one timer: alarm() reports what
 *    setitimer set (rounded to seconds), setitimer sees alarm's, and
 *    alarm(0) cancels a periodic timer;
 *  - a zero value disarms; errors: a bad which EINVAL, tv_usec out of
 *    range EINVAL, a bad pointer EFAULT (raw calls: glibc's wrappers
 *    copy through buffers of their own);
 *  - fork: the child has no timer.
 */
#include <sys/time.h>
#include <sys/syscall.h>
#include "test.h"

#define PERIOD_US	20000
#define ALARMS		3
#define LONG_SEC	100

static volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void child_has_none(void *arg)
{
	struct itimerval v;

	(void)arg;
	CHECK_EQ("child getitimer", getitimer(ITIMER_REAL, &v), 0);
	CHECK(!v.it_value.tv_sec && !v.it_value.tv_usec, "the child inherits no timer");
	child_exit();
}

int main(void)
{
	struct itimerval v = { { 0, 0 }, { 0, PERIOD_US } }, old;
	sigset_t none;
	int status;

	signal(SIGALRM, on_alarm);
	sigemptyset(&none);

	CHECK_EQ("one shot", setitimer(ITIMER_REAL, &v, &old), 0);
	CHECK(!old.it_value.tv_sec && !old.it_value.tv_usec, "no timer before");
	while (alarms == 0)
		sigsuspend(&none);
	CHECK_EQ("getitimer", getitimer(ITIMER_REAL, &v), 0);
	CHECK(!v.it_value.tv_sec && !v.it_value.tv_usec, "fired: nothing left");

	alarms = 0;
	v = (struct itimerval){ { 0, PERIOD_US }, { 0, PERIOD_US } };
	CHECK_EQ("periodic", setitimer(ITIMER_REAL, &v, NULL), 0);
	while (alarms < ALARMS)
		sigsuspend(&none);
	CHECK_EQ("getitimer", getitimer(ITIMER_REAL, &v), 0);
	CHECK(v.it_interval.tv_sec == 0 && v.it_interval.tv_usec == PERIOD_US,
	      "interval %ld.%06ld", (long)v.it_interval.tv_sec, (long)v.it_interval.tv_usec);
	CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_usec <= PERIOD_US, "still armed");
	CHECK_EQ("alarm(0) cancels it", alarm(0) <= 1, 1);
	CHECK_EQ("getitimer", getitimer(ITIMER_REAL, &v), 0);
	CHECK(!v.it_value.tv_sec && !v.it_value.tv_usec && !v.it_interval.tv_usec,
	      "alarm(0) disarmed the periodic timer");

	v = (struct itimerval){ { 0, 0 }, { LONG_SEC, 0 } };
	CHECK_EQ("long", setitimer(ITIMER_REAL, &v, NULL), 0);
	CHECK_EQ("alarm sees it", alarm(LONG_SEC * 2), LONG_SEC);
	CHECK_EQ("getitimer", getitimer(ITIMER_REAL, &v), 0);
	CHECK(v.it_value.tv_sec > LONG_SEC && v.it_value.tv_sec <= LONG_SEC * 2,
	      "setitimer sees alarm's %ld", (long)v.it_value.tv_sec);
	status = run_child(child_has_none, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child");
	v = (struct itimerval){ { 0, 0 }, { 0, 0 } };
	CHECK_EQ("disarm", setitimer(ITIMER_REAL, &v, &old), 0);
	CHECK(old.it_value.tv_sec > LONG_SEC, "old value returned");
	CHECK_EQ("alarm after disarm", alarm(0), 0);

	CHECK_ERR(setitimer(7, &v, NULL), EINVAL);
	CHECK_ERR(getitimer(-1, &v), EINVAL);
	v.it_value.tv_usec = 1000000;
	CHECK_ERR(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v.it_value.tv_usec = 0;
	v.it_interval.tv_usec = -1;
	CHECK_ERR(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_getitimer, ITIMER_REAL, (void *)16), EFAULT);
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, (void *)16, NULL), EFAULT);
	return test_done("abi_itimer");
}
