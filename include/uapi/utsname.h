/*
 * uapi/utsname.h - struct utsname as uname (122) fills it (Linux new_utsname).
 */
#ifndef _UAPI_UTSNAME_H
#define _UAPI_UTSNAME_H

#define UTSNAME_LEN 65

struct utsname {
	char sysname[UTSNAME_LEN];
	char nodename[UTSNAME_LEN];
	char release[UTSNAME_LEN];
	char version[UTSNAME_LEN];
	char machine[UTSNAME_LEN];
	char domainname[UTSNAME_LEN];
};

#endif
