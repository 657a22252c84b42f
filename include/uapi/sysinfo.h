/*
 * uapi/sysinfo.h - struct sysinfo as Linux i386 fills it (call 116).
 * mem_unit is the page size, so freeram counts free page frames.
 */
#ifndef _UAPI_SYSINFO_H
#define _UAPI_SYSINFO_H

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[8];
};

#endif
