/*
 * false.c - do nothing, unsuccessfully: exit with status 1.
 */
int main(void)
{
	return 1;
}
