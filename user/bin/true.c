/*
 * true.c - do nothing, successfully: exit with status 0.
 */
int main(void)
{
	return 0;
}
