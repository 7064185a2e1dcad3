__owSearch("t","kh",{"khaled":[85,4]},[]);
